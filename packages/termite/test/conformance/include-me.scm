;; Included by 4.1-primitive-expressions.scm (R7RS 4.1.7 include).
(define included-value 42)
(define (included-procedure n) (* n 2))
