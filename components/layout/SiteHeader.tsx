import Link from "next/link";
import { currentUser } from "@/lib/auth/current-user";
import { can, type Permission } from "@/lib/auth/permissions";
import { signOut } from "@/lib/auth/actions/sign-out";

const NAV: Array<{ href: string; label: string; needs: Permission }> = [
  { href: "/", label: "Overview", needs: "read:published" },
  { href: "/roadmap", label: "Roadmap", needs: "read:published" },
  { href: "/timeline", label: "Timeline", needs: "read:published" },
  { href: "/updates", label: "Quarterly updates", needs: "read:published" },
  { href: "/draft", label: "Working draft", needs: "read:draft" },
  { href: "/admin/users", label: "Users", needs: "manage:users" },
  { href: "/admin/audit", label: "Audit trail", needs: "read:audit" },
];

const headerLink = "text-white no-underline hover:underline visited:text-white focus-visible:text-govuk-black";

export async function SiteHeader() {
  const user = await currentUser();
  return (
    <header className="no-print border-b-[10px] border-govuk-blue bg-govuk-black text-white">
      <div className="mx-auto flex max-w-[1200px] flex-wrap items-baseline gap-x-8 gap-y-2 px-4 py-3 sm:px-8">
        <span className="text-xl font-bold">Home Office</span>
        <Link href="/" className={`text-lg font-bold ${headerLink}`}>
          NLEDP roadmap
        </Link>
        {user ? (
          <div className="flex flex-wrap items-baseline gap-x-4 text-base sm:ml-auto">
            <Link href="/account" className={headerLink}>
              <span className="sr-only">Your account: </span>
              {user.name}
            </Link>
            <form action={signOut}>
              <button type="submit" className="cursor-pointer text-white underline hover:no-underline focus-visible:bg-govuk-focus focus-visible:text-govuk-black">
                Sign out
              </button>
            </form>
          </div>
        ) : null}
        {user ? (
          <nav aria-label="Main" className="w-full">
            <ul className="flex flex-wrap gap-x-6 gap-y-1">
              {NAV.filter((item) => can(user.role, item.needs)).map((item) => (
                <li key={item.href}>
                  <Link href={item.href} className={`font-bold ${headerLink}`}>
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </div>
      <div className="bg-white text-govuk-text">
        <p className="mx-auto max-w-[1200px] border-b border-govuk-border px-4 py-2 text-base sm:px-8">
          <strong className="mr-2 inline-block bg-govuk-blue px-2 py-0.5 text-sm font-bold uppercase tracking-wide text-white">
            Beta
          </strong>
          This is a new service. It shows the roadmap as published to the Public Accounts Committee.
        </p>
      </div>
    </header>
  );
}
