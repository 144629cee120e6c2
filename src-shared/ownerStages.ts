// The vocabulary of record owners and pipeline stages, shared by the backend and the UI.

/** How a Flowbridge user got their Recruiterflow owner: chosen by hand, matched by email, or none. */
type OwnerHow = 'chosen' | 'email' | 'none';

export interface OwnerPairing {
  email: string;
  name: string;
  rfUserId: number | null;
  rfUserName: string | null;
  how: OwnerHow;
}

interface RfUserSummary {
  id: number;
  email: string;
  name: string;
}

export interface OwnerPairings {
  /** The connected account's users who can own records. */
  rfUsers: RfUserSummary[];
  users: OwnerPairing[];
}

export interface JobStage {
  id: number;
  name: string;
  rank: number;
}

/**
 * The stage settings of the defaults (no sequence) or of one sequence. A null stage is the job's first
 * stage (Recruiterflow's own default); a null reply stage means a reply moves nothing.
 */
export interface StageSettings {
  /** The job whose stages apply: the sequence's, else the default job; null when there is none. */
  jobId: number | null;
  /** That job's stages in pipeline order; empty when unknown (not connected and never read). */
  stages: JobStage[];
  defaultStage: string | null;
  /** The sequence's own stage (null: the default stage); always null without a sequence. */
  stage: string | null;
  replyStage: string | null;
  /** What a contact added now gets: the sequence's stage, else the default one (null: the first stage). */
  effectiveStage: string | null;
}
