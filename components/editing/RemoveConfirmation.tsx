/**
 * "Are you sure you want to remove …?": what goes, what else goes with it, and a red button that posts
 * the record's id and the version read, so a removal made after someone else's change is refused.
 */
import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/forms/fields";
import { H1 } from "@/components/ui/typography";

export function RemoveConfirmation({
  caption, question, noun, stale, action, hidden, confirm, cancelHref, alsoRemoves, children,
}: {
  caption: string;
  question: ReactNode;
  noun: string;
  /** The last removal was refused because the record changed after this page was opened. */
  stale?: boolean;
  /** Absent when removal is not possible yet (the page says why). */
  action?: (form: FormData) => Promise<void>;
  hidden: Record<string, string | number>;
  confirm: string;
  cancelHref: string;
  /** What goes with it; `none` is said when nothing does. */
  alsoRemoves?: { heading: string; items: Array<{ key: string | number; text: ReactNode }>; none: string };
  children?: ReactNode;
}) {
  return (
    <>
      {stale ? (
        <div role="alert" className="mb-8 max-w-[45em] border-[5px] border-govuk-red p-4">
          <p className="font-bold">Someone changed this {noun} after you opened this page, so it was not removed. Check it below before removing it.</p>
        </div>
      ) : null}
      <H1 caption={caption}>{question}</H1>
      {children}
      <p className="mb-4 max-w-[45em]">Published quarterly updates keep it as it was; it goes from the working draft and the next update.</p>
      {alsoRemoves ? (
        alsoRemoves.items.length ? (
          <>
            <p className="mb-2 max-w-[45em] font-bold">{alsoRemoves.heading}</p>
            <ul className="mb-6 list-disc pl-6">
              {alsoRemoves.items.map((item) => <li key={item.key}>{item.text}</li>)}
            </ul>
          </>
        ) : (
          <p className="mb-6">{alsoRemoves.none}</p>
        )
      ) : null}
      {action ? (
        <form action={action}>
          {Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
          <Button variant="warning">{confirm}</Button>
          <Link href={cancelHref} className="inline-block py-2 text-lg">No, keep it</Link>
        </form>
      ) : (
        <p><Link href={cancelHref}>Go back</Link></p>
      )}
    </>
  );
}
