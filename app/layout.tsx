import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "NLEDP roadmap", template: "%s – NLEDP roadmap" },
  description: "Product roadmap of the National Law Enforcement Data Programme, Home Office",
};

// Every page reads the database at request time; nothing is rendered at build time.
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en-GB">
      <body className="min-h-screen bg-white antialiased">{children}</body>
    </html>
  );
}
