import { expect, type Browser, type Page } from "@playwright/test";
import { DEMO, signIn } from "./fixtures";

let counter = 0;

/** Adds a user through the admin page, as an administrator would, and returns the password it was given. */
export async function addUserAsAdmin(admin: Page, role: "viewer" | "editor" | "admin", label = "person") {
  const email = `${label}-${Date.now()}-${process.pid}-${counter++}@example.gov.uk`;
  const name = `Test ${label} ${counter}`;
  await admin.goto("/admin/users/new");
  await admin.getByLabel("Full name").fill(name);
  await admin.getByLabel("Email address").fill(email);
  await admin.getByRole("radio", { name: new RegExp(`^${{ viewer: "Viewer", editor: "Editor", admin: "Administrator" }[role]}`) }).check();
  await admin.getByRole("button", { name: "Add user" }).click();
  await expect(admin.getByRole("heading", { name: `Account added for ${name}` })).toBeVisible();
  const password = (await admin.locator("p.font-mono").textContent())!.trim();
  await admin.getByRole("status").getByRole("link", { name: "Back to users" }).click();
  const row = admin.getByRole("row").filter({ hasText: email });
  const href = await row.getByRole("link", { name: /Change/ }).getAttribute("href");
  return { email, name, password, id: Number(href!.split("/").at(-1)) };
}

/** A fresh browser context signed in as the admin demo account. */
export async function adminPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, DEMO.admin);
  return page;
}
