// One typed emitter for backend → UI events. Hosts subscribe and forward (IPC, SSE); the CLI ignores them.
import type { EventName, ServerEvents } from '../../src-shared/contract';

type Listener = (event: EventName, payload: ServerEvents[EventName]) => void;

export class BackendEvents {
  private readonly listeners = new Set<Listener>();

  emit<E extends EventName>(event: E, payload: ServerEvents[E]): void {
    for (const listener of this.listeners) {
      try {
        listener(event, payload);
      } catch {
        // A broken subscriber (a closed window, a dropped SSE stream) must not break the backend.
      }
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
