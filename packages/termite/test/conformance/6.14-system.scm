;; R7RS 6.14 System interface: load, file-exists?, delete-file, command-line, exit,
;; get-environment-variable(s), current-second, current-jiffy, jiffies-per-second, features.
;; conformance.test.ts runs this with the command line ("conformance.scm" "one" "two"), the
;; variables CONFORMANCE_SCRATCH and CONFORMANCE_GREETING=hello, and expects exit status 7.
(import (scheme base) (scheme file) (scheme load) (scheme eval) (scheme repl) (scheme write)
        (scheme process-context) (scheme time) (scheme inexact) (conformance harness))

(define scratch (get-environment-variable "CONFORMANCE_SCRATCH"))
(define source-file (string-append scratch "/loaded.scm"))
(with-output-to-file source-file
  (lambda ()
    (write '(define loaded-value 99))
    (write '(define (loaded-double x) (* 2 x)))))

(check (file-exists? source-file) => #t)
(check (file-exists? (string-append scratch "/no-such-file")) => #f)
(check-no-error (load source-file))
(check (eval '(loaded-double loaded-value) (interaction-environment)) => 198)
(check-no-error (load source-file (interaction-environment)))
(check-error (load (string-append scratch "/no-such-file.scm")))
(check (begin (delete-file source-file) (file-exists? source-file)) => #f)

(check (command-line) => '("conformance.scm" "one" "two"))
(check (get-environment-variable "CONFORMANCE_GREETING") => "hello")
(check (get-environment-variable "CONFORMANCE_NO_SUCH_VARIABLE") => #f)
(check (assoc "CONFORMANCE_GREETING" (get-environment-variables)) => '("CONFORMANCE_GREETING" . "hello"))
(check (list? (get-environment-variables)) => #t)

(check (inexact? (current-second)) => #t)
(check (> (current-second) 1.5e9) => #t)
(check (exact-integer? (current-jiffy)) => #t)
(check (let ((a (current-jiffy)) (b (current-jiffy))) (<= a b)) => #t)
(check (exact-integer? (jiffies-per-second)) => #t)
(check (positive? (jiffies-per-second)) => #t)
(check (and (memq 'r7rs (features)) #t) => #t)
(check (list? (features)) => #t)
(check (procedure? emergency-exit) => #t)

(report)
;; exit runs the outstanding dynamic-wind afters, then ends the program with status 7.
(dynamic-wind
 (lambda () #f)
 (lambda () (exit 7))
 (lambda () (display "after thunk ran\n")))
(display "not reached\n")
