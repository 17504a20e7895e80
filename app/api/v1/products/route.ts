// POST /api/v1/products — add a product (productSchema, as the form). Needs: edit:roadmap.
import { api, fromOutcome } from "@/lib/api/handler";
import { productSchema } from "@/lib/api/schemas";
import { addProduct } from "@/lib/editing/products";

export const dynamic = "force-dynamic";

export const POST = api("edit:roadmap", async ({ db, actor, body }) => fromOutcome(await addProduct(db, await body(productSchema), actor), "product", { created: true }));
