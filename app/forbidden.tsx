import { ForbiddenContent } from "@/components/layout/ProblemPages";

// Shown (with status 403) when a signed-in person asks for something their role does not allow.
// It renders inside the site's layout of the page that refused.
export default function Forbidden() {
  return <ForbiddenContent />;
}
