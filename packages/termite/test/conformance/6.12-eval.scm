;; R7RS 6.12 Environments and evaluation: eval, environment, (scheme repl)'s
;; interaction-environment.
(import (scheme base) (scheme eval) (scheme repl) (conformance harness))

(check (eval '(* 7 3) (environment '(scheme base))) => 21)
(check (let ((f (eval '(lambda (f x) (f x x)) (environment '(scheme base))))) (f + 10)) => 20)
(check (eval '(if #t 'yes 'no) (environment '(scheme base))) => 'yes)
(check (eval '(let-values (((a b) (values 1 2))) (+ a b)) (environment '(scheme base))) => 3)
(check (eval '(char-upcase #\a) (environment '(scheme base) '(scheme char))) => #\A)
(check (eval '(xcar '(1 2)) (environment '(rename (scheme base) (car xcar)))) => 1)
(check-error (eval '(char-upcase #\a) (environment '(scheme base))))
(check-error (eval '(if) (environment '(scheme base))))
(check (begin (eval '(define eval-defined 5) (interaction-environment))
              (eval 'eval-defined (interaction-environment)))
       => 5)
(check (eval '(+ 1 2) (interaction-environment)) => 3)
;; An environment made by `environment` holds only what it imports: not the definitions of the
;; interaction environment, nor those made in another environment.
(check-error (eval 'eval-defined (environment '(scheme base))))
(define env-a (environment '(scheme base)))
(check (begin (eval '(define only-in-a 1) env-a) (eval 'only-in-a env-a)) => 1)
(check-error (eval 'only-in-a (environment '(scheme base))))
(check-error (eval 'only-in-a (interaction-environment)))
(check (eval '(begin (define-syntax twice (syntax-rules () ((_ e) (list e e)))) (twice 1)) (interaction-environment))
       => '(1 1))
(check (call/cc (lambda (k) (eval (list k ''escaped) (interaction-environment)))) => 'escaped)
;; eval runs under the caller's handlers: a raise inside it is caught outside.
(check (guard (e ((symbol? e) e)) (eval '(raise 'from-eval) (environment '(scheme base)))) => 'from-eval)

(report)
