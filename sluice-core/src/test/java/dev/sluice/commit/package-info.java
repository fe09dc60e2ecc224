/** Crash-injection and concurrency tests of the commit protocol: child JVMs killed with SIGKILL mid-write. */
package dev.sluice.commit;
