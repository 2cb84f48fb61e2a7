;; R7RS 6.14 emergency-exit: ends the program at once, without running outstanding
;; dynamic-wind afters. conformance.test.ts expects exit status 3 and nothing after RESULT.
(import (scheme base) (scheme write) (scheme process-context) (conformance harness))

(check (procedure? exit) => #t)
(report)
(dynamic-wind
 (lambda () #f)
 (lambda () (emergency-exit 3))
 (lambda () (display "after thunk must not run\n")))
(display "not reached\n")
