;; A library for 5-program-structure.scm (R7RS 5.6): exports, renamed exports, private state,
;; include of its body.
(define-library (conformance counter-library)
  (import (scheme base))
  (export counter-increment! counter-value (rename double counter-double))
  (begin
    (define count 0)
    (define (counter-increment!) (set! count (+ count 1)))
    (define (counter-value) count)
    (define (double x) (* 2 x))))
