// GET /api/v1/products/{slug} — the product as it stands in the draft, with its version. Needs: read:draft.
// PATCH /api/v1/products/{slug} {version, ...productSchema}; DELETE ?version= — change or remove it. Needs: edit:roadmap.
import { api, fromOutcome, notFound } from "@/lib/api/handler";
import { productChangeBody, versionQuery } from "@/lib/api/schemas";
import { readProduct, removeProduct, updateProduct } from "@/lib/editing/products";

export const dynamic = "force-dynamic";

type Params = { slug: string };

export const GET = api<Params>("read:draft", async ({ db, params }) => {
  const product = await readProduct(db, params.slug);
  if (!product) throw notFound("There is no such product.");
  return product;
});

export const PATCH = api<Params>("edit:roadmap", async ({ db, actor, params, body }) => {
  const { version, ...input } = await body(productChangeBody);
  return fromOutcome(await updateProduct(db, params.slug, version, input, actor), "product");
});

export const DELETE = api<Params>("edit:roadmap", async ({ db, actor, params, query }) => {
  const { version } = query(versionQuery);
  return fromOutcome(await removeProduct(db, params.slug, version, actor), "product");
});
