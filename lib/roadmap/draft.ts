/** The working draft: the live roadmap as it stands in the tables, before it is published. */
import { cache } from "react";
import { getDb } from "@/lib/db";
import { loadRoadmap } from "./load";
import { PROGRAMME_SLUG } from "./published";

export const draftRoadmap = cache(async () => loadRoadmap(await getDb(), PROGRAMME_SLUG));
