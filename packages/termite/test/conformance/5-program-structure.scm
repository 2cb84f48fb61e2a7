;; R7RS 5 Program structure: programs and import, definitions (internal too), syntax definitions,
;; record-type definitions, libraries.
(import (scheme base) (only (scheme write) write) (prefix (scheme char) char:)
        (rename (only (scheme cxr) caddr) (caddr third-of)) (except (scheme lazy) force)
        (conformance counter-library) (conformance harness))

;; 5.2 Import declarations: only, prefix, rename, except.
(check (char:char-upcase #\a) => #\A)
(check (third-of '(1 2 3)) => 3)
(check (procedure? write) => #t)
(check (promise? (delay 1)) => #t)

;; 5.3 Variable definitions
(define add3 (lambda (x) (+ x 3)))
(check (add3 3) => 6)
(define first car)
(check (first '(1 2)) => 1)
(define (curried a) (lambda (b) (+ a b)))
(check ((curried 1) 2) => 3)
(define (rest-args a . more) more)
(check (rest-args 1 2 3) => '(2 3))

;; 5.3.2 Internal definitions
(check (let ((x 5))
         (define foo (lambda (y) (bar x y)))
         (define bar (lambda (a b) (+ (* a b) a)))
         (foo (+ x 3)))
       => 45)
(check (let ()
         (define-values (x y) (values 1 2))
         (define z (+ x y))
         (* z 2))
       => 6)

;; 5.4 Syntax definitions
(define-syntax unless2
  (syntax-rules () ((_ c body ...) (if c #f (begin body ...)))))
(check (unless2 #f 'ran) => 'ran)
(check (let ()
         (define-syntax double (syntax-rules () ((_ e) (* 2 e))))
         (double 21))
       => 42)

;; 5.5 Record-type definitions
(define-record-type pare
  (kons x y)
  pare?
  (x kar set-kar!)
  (y kdr))
(check (pare? (kons 1 2)) => #t)
(check (pare? (cons 1 2)) => #f)
(check (kar (kons 1 2)) => 1)
(check (kdr (kons 1 2)) => 2)
(check (let ((k (kons 1 2))) (set-kar! k 3) (kar k)) => 3)
(define-record-type <point> (make-point x) point? (x point-x) (y point-y set-point-y!))
(check (let ((p (make-point 4))) (set-point-y! p 5) (list (point-x p) (point-y p))) => '(4 5))
(check (point? (kons 1 2)) => #f)
(check (procedure? kons) => #t)
(check-error (kar (make-point 1)))
(define-record-type swapped (make-swapped b a) swapped? (a swapped-a) (b swapped-b))
(check (let ((s (make-swapped 1 2))) (list (swapped-a s) (swapped-b s))) => '(2 1))
(check-error (kons 1))
(check-error (make-swapped 1 2 3))

;; 5.6 Libraries: a library defined in its own file, imported from the search path.
(check (begin (counter-increment!) (counter-increment!) (counter-value)) => 2)
(check (counter-double 21) => 42)

;; 5.7 The REPL is covered in 6.12 (interaction-environment).
(report)
