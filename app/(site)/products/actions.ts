"use server";
// POST (server actions) on /products/new and /products/<slug>/(edit|remove) — add, change or remove a product. Needs: edit:roadmap.
import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { getDb } from "@/lib/db";
import { errorsByField, readForm } from "@/lib/editing/form-input";
import { editorActor, idFrom, refusedState } from "@/lib/editing/form-outcome";
import { PRODUCT_FORM } from "@/lib/editing/form-specs";
import { addProduct, removeProduct, updateProduct } from "@/lib/editing/products";
import { productSchema } from "@/lib/editing/schemas";

/** Adds a product (no `slug` in the form) or changes the one named by `slug` at `version`. */
export async function saveProduct(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await editorActor();
  const slug = String(form.get("slug") ?? "");
  const version = idFrom(form, "version");
  const { input, errors, values } = readForm(form, PRODUCT_FORM);
  const keep = { ...values, ...(version ? { version: String(version) } : {}) };
  const parsed = productSchema.safeParse(input);
  if (!parsed.success || Object.keys(errors).length) {
    return { errors: errorsByField(parsed.success ? [] : parsed.error.issues, errors), values: keep };
  }
  if (slug !== "" && version === null) return { errors: {}, values: keep, formError: "The form is out of date: open the product again" };
  const db = await getDb();
  const outcome = slug === "" ? await addProduct(db, parsed.data, actor) : await updateProduct(db, slug, version!, parsed.data, actor);
  if (outcome.kind !== "saved") return refusedState(outcome, keep, "product");
  redirect(`/products/${encodeURIComponent(outcome.record.slug)}?done=${slug === "" ? "product-added" : "product-saved"}`);
}

export async function removeProductAction(form: FormData): Promise<void> {
  const actor = await editorActor();
  const slug = String(form.get("slug") ?? "");
  const version = idFrom(form, "version");
  const page = `/products/${encodeURIComponent(slug)}`;
  if (version === null) redirect(page);
  const outcome = await removeProduct(await getDb(), slug, version, actor);
  if (outcome.kind === "saved") redirect("/?done=product-removed");
  // Products joined its family since the page was shown: the page now says so, and offers no button.
  if (outcome.kind === "invalid") redirect(`${page}/remove`);
  if (outcome.kind === "conflict" && outcome.current) redirect(`${page}/remove?stale=1`);
  redirect("/?done=already-removed");
}
