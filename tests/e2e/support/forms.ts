/** Filling the app's GOV.UK date boxes, as a person would, and a second signed-in browser for two-person tests. */
import type { Browser, Page } from "@playwright/test";
import { signIn } from "./fixtures";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** Today in London, as the server reckons it: boxes to type and the way pages write it. */
export function today() {
  const [year, month, day] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" })
    .format(new Date())
    .split("-")
    .map(Number) as [number, number, number];
  return { day: String(day), month: String(month), year: String(year), long: `${day} ${MONTHS[month - 1]} ${year}` };
}

/** A period input (components/forms/PeriodInput.tsx): the precision, then every box (empty unless given). */
export async function fillPeriod(page: Page, group: string, precision: string, boxes: Partial<Record<"Day" | "Month" | "Quarter" | "Half" | "Year", string>>) {
  const fieldset = page.getByRole("group", { name: group });
  await fieldset.getByRole("radio", { name: precision }).check();
  for (const box of ["Day", "Month", "Quarter", "Half", "Year"] as const) {
    await fieldset.getByLabel(box, { exact: true }).fill(boxes[box] ?? "");
  }
}

/** A GOV.UK date input: day, month and year. */
export async function fillDate(page: Page, group: string, day: string, month: string, year: string) {
  const fieldset = page.getByRole("group", { name: group });
  await fieldset.getByLabel("Day").fill(day);
  await fieldset.getByLabel("Month").fill(month);
  await fieldset.getByLabel("Year").fill(year);
}

/** Another person, signed in in a browser context of their own. */
export async function signedIn(browser: Browser, baseURL: string, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}
