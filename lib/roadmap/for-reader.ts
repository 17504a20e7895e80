/**
 * Which roadmap a person reads. Committee clerks read the latest published update, always.
 * Programme staff read the working draft (the live roadmap, with their edits) unless they ask for
 * the published one (`?view=published`), so an edit shows at once on every page they use.
 */
import type { SessionUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { todayInLondon, type IsoDate } from "@/lib/dates/period";
import { draftRoadmap } from "./draft";
import { latestSnapshot } from "./published";
import { phaseDateOf } from "./view";
import type { Roadmap, UpdateSummary } from "./types";

/**
 * `asOf` is the date phases are read at (lib/roadmap/view.ts phaseDateOf); `reportedOn` the date rollout
 * figures are read at (the update's publication, or today); `lookaheadFrom` where the timeline's 12 months
 * start: the update's date when published, and for the draft the last published update's.
 */
export type ReaderView =
  | { kind: "draft"; roadmap: Roadmap; asOf: IsoDate; reportedOn: IsoDate; lookaheadFrom: IsoDate; latest: UpdateSummary | null }
  | { kind: "published"; roadmap: Roadmap; asOf: IsoDate; reportedOn: IsoDate; lookaheadFrom: IsoDate; update: UpdateSummary; draftAvailable: boolean };

export function wantsPublished(view: string | string[] | undefined): boolean {
  return view === "published";
}

export async function roadmapForReader(user: SessionUser, view?: string | string[]): Promise<ReaderView | null> {
  const snapshot = await latestSnapshot();
  const mayReadDraft = can(user.role, "read:draft");
  if (!mayReadDraft || wantsPublished(view)) {
    if (!snapshot) return null;
    const { update } = snapshot.content;
    const on = update.publishedOn ?? todayInLondon();
    return { kind: "published", roadmap: snapshot.content.roadmap, asOf: phaseDateOf(update, todayInLondon()), reportedOn: on, lookaheadFrom: on, update, draftAvailable: mayReadDraft };
  }
  const roadmap = await draftRoadmap();
  if (!roadmap) return null;
  const latest = snapshot?.content.update ?? null;
  return { kind: "draft", roadmap, asOf: todayInLondon(), reportedOn: todayInLondon(), lookaheadFrom: latest?.publishedOn ?? todayInLondon(), latest };
}
