import type { Metadata } from "next";
import { NotFoundContent } from "@/components/layout/ProblemPages";

export const metadata: Metadata = { title: "Page not found" };

// For a page of the site that calls notFound() (an unknown product or update): inside the site's layout.
export default function NotFound() {
  return <NotFoundContent />;
}
