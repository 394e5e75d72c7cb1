// Preloaded into a child process by tests: on exit, prints its peak resident memory on stderr, so a
// test can assert "within 1 GB" for the whole process (heap, buffers and native allocations).
"use strict";
process.on("exit", () => {
  process.stderr.write(`peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
