"use client";

// Shown for any unexpected error. It never shows the error itself: the details are in the server log.
export default function ErrorPage() {
  return (
    <main id="main-content" className="mx-auto max-w-[1200px] px-4 py-8 sm:px-8">
      <h1 className="mb-6 text-3xl font-bold sm:text-5xl">Sorry, there is a problem with the service</h1>
      <p className="mb-4">Try again later.</p>
      <p className="mb-4">
        <a href="/">Go to the roadmap overview</a>
      </p>
    </main>
  );
}
