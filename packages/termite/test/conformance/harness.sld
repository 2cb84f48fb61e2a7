;; The conformance harness: `check` forms that compare with equal?, count passes and failures,
;; and print the source form of each failure. Every corpus file imports it and ends with (report).
;; Output protocol read by conformance.test.ts:
;;   FAIL <form written on one line>      then indented expected/got lines
;;   RESULT <passed> <failed>             once, from (report)

(define-library (conformance harness)
  (import (scheme base) (scheme complex) (scheme write))
  (export check check-approx check-error check-no-error report)
  (begin
    (define passed 0)
    (define failed 0)

    (define (pass!) (set! passed (+ passed 1)))

    (define (fail! form expected got)
      (set! failed (+ failed 1))
      (display "FAIL ")
      (write form)
      (newline)
      (display "  expected: ")
      (write expected)
      (newline)
      (display "  got:      ")
      (write got)
      (newline))

    ;; A condition object as a short description, for a check whose expression raised.
    (define (describe-condition c)
      (if (error-object? c)
          (list 'raised (error-object-message c) (error-object-irritants c))
          (list 'raised c)))

    (define (run-check form thunk expected same?)
      (let ((outcome (guard (c (#t (cons 'condition (describe-condition c))))
                       (cons 'value (thunk)))))
        (if (and (eq? (car outcome) 'value) (same? (cdr outcome) expected))
            (pass!)
            (fail! form expected (cdr outcome)))))

    ;; Relative to the expected value's magnitude, so complex values compare too.
    (define (close-enough? got expected)
      (and (number? got)
           (let ((scale (max 1 (magnitude expected))))
             (< (magnitude (- got expected)) (* scale 1e-9)))))

    (define (run-check-error form thunk predicate)
      (let ((outcome (guard (c (#t (if (predicate c) 'raised-ok (list 'raised-other c))))
                       (thunk)
                       'returned)))
        (if (eq? outcome 'raised-ok)
            (pass!)
            (fail! form 'a-raised-condition outcome))))

    (define-syntax check
      (syntax-rules (=>)
        ((_ expr => expected)
         (run-check 'expr (lambda () expr) expected equal?))))

    ;; Inexact results: equal within a relative 1e-9.
    (define-syntax check-approx
      (syntax-rules (=>)
        ((_ expr => expected)
         (run-check 'expr (lambda () expr) expected close-enough?))))

    ;; The expression must raise; with a predicate, the condition must satisfy it.
    (define-syntax check-error
      (syntax-rules ()
        ((_ expr) (run-check-error 'expr (lambda () expr) (lambda (c) #t)))
        ((_ predicate expr) (run-check-error 'expr (lambda () expr) predicate))))

    ;; For procedures with only effects: the expression must return without raising.
    (define-syntax check-no-error
      (syntax-rules ()
        ((_ expr) (run-check 'expr (lambda () expr #t) #t equal?))))

    (define (report)
      (display "RESULT ")
      (write passed)
      (display " ")
      (write failed)
      (newline))))
