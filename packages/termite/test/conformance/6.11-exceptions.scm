;; R7RS 6.11 Exceptions: with-exception-handler, raise, raise-continuable, error and error
;; objects, read-error?, file-error?.
(import (scheme base) (scheme file) (scheme read) (conformance harness))

(check (call-with-current-continuation
        (lambda (k)
          (with-exception-handler
           (lambda (e) (k (list 'condition e)))
           (lambda () (+ 1 (raise 'an-error))))))
       => '(condition an-error))
(check (with-exception-handler
        (lambda (con) (if (string? con) 42 0))
        (lambda () (+ (raise-continuable "should be a number") 23)))
       => 65)
;; The handler runs with the outer handler installed.
(check (call/cc
        (lambda (k)
          (with-exception-handler
           (lambda (outer) (k (list 'outer outer)))
           (lambda ()
             (with-exception-handler
              (lambda (inner) (raise (list 'wrapped inner)))
              (lambda () (raise 'x)))))))
       => '(outer (wrapped x)))
;; A handler that returns from a non-continuable raise: a secondary exception in the same
;; dynamic environment as the handler (the outer handler sees it).
(check (call/cc
        (lambda (k)
          (with-exception-handler
           (lambda (e) (k 'secondary-raised))
           (lambda ()
             (with-exception-handler
              (lambda (e) 'returned)
              (lambda () (raise 'non-continuable)))))))
       => 'secondary-raised)
(check (guard (e ((error-object? e) (list (error-object-message e) (error-object-irritants e))))
         (error "Something went wrong" 1 'two "three"))
       => '("Something went wrong" (1 two "three")))
(check (guard (e (#t (error-object? e))) (error "msg")) => #t)
(check (guard (e (#t (error-object-irritants e))) (error "msg")) => '())
(check (error-object? 'sym) => #f)
(check (guard (e (#t (error-object? e))) (car 5)) => #t)
(check (guard (e (#t (error-object? e))) (vector-ref (vector) 0)) => #t)
(check (guard (e (#t (error-object? e))) ((lambda (f) (f)) 5)) => #t)
(check (guard (e ((read-error? e) 'read-error) (else (list 'other e)))
         (read (open-input-string "(unbalanced")))
       => 'read-error)
(check (guard (e ((read-error? e) 'read-error) (else 'other)) (read (open-input-string ")")))
       => 'read-error)
(check (read-error? 'x) => #f)
(check (guard (e ((file-error? e) 'file-error) (else (list 'other e)))
         (open-input-file "/no/such/directory/no-such-file.txt"))
       => 'file-error)
(check (file-error? (make-string 1)) => #f)
(check (guard (e ((file-error? e) #f) (else 'not-a-file-error)) (error "plain")) => 'not-a-file-error)
(check-error (raise 'anything))
(check-error error-object? (error "x"))
(check (guard (e ((symbol? e) e)) (dynamic-wind (lambda () #f) (lambda () (raise 'through-wind)) (lambda () #f)))
       => 'through-wind)

(check (guard (e ((error-object? e) (string? (error-object-message e)))) (car 5)) => #t)
(check (guard (e ((error-object? e) (error-object-message e))) (error "only a message")) => "only a message")
(check (guard (e (#t 'reraised-outside))
         (guard (e2 ((string? e2) 'wrong))
           (error "not a string condition")))
       => 'reraised-outside)
(check (let ((trail '()))
         (guard (e (#t (reverse (cons 'handled trail))))
           (dynamic-wind (lambda () (set! trail (cons 'in trail)))
                         (lambda () (raise 'x))
                         (lambda () (set! trail (cons 'out trail))))))
       => '(in out handled))

(report)
