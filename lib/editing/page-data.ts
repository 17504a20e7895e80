/** What edit pages load: the product being edited (live, not published) and the phases to choose from. */
import { notFound } from "next/navigation";
import { asc } from "drizzle-orm";
import { getDb } from "@/lib/db";
import * as t from "@/lib/db/schema";
import { productBySlug, type ProductRef } from "./lookups";

export async function editedProduct(slug: string): Promise<ProductRef> {
  const product = await productBySlug(await getDb(), decodeURIComponent(slug));
  if (!product) notFound();
  return product;
}

export async function phaseChoices(): Promise<Array<{ key: string; name: string }>> {
  return (await getDb()).select({ key: t.phases.key, name: t.phases.name }).from(t.phases).orderBy(asc(t.phases.position));
}

/** A positive whole id from a path segment, or a 404. */
export function idParam(raw: string): number {
  if (!/^\d{1,9}$/.test(raw) || Number(raw) <= 0) notFound();
  return Number(raw);
}
