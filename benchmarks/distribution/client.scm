;; The measuring node of distribution.bench.mjs. Arguments: the server's address, the number of
;; round trips. Prints one line per figure as `name value…` (times in microseconds).
(import (termite))
(node-init)
(define args (cdr (command-line)))
(define server (remote-service 'bench (car args)))
(define rounds (string->number (cadr args)))
(define (now) (current-jiffy))

;; `!?` round trips of a small message (a symbol and a short string), after a warm-up.
(define payload "a short message of about forty characters")
(do ((i 0 (+ i 1))) ((= i 200)) (!? server (list 'echo payload)))
(define (round-trips n)
  (let loop ((i 0) (acc '()))
    (if (= i n)
        acc
        (let ((t0 (now)))
          (!? server (list 'echo payload))
          (loop (+ i 1) (cons (- (now) t0) acc))))))
(display "rtt") (for-each (lambda (t) (display " ") (display t)) (round-trips rounds)) (newline)

;; One-way messages: send many, then ask how many arrived (the answer comes after all of them).
(define one-way 20000)
(define t0 (now))
(do ((i 0 (+ i 1))) ((= i one-way)) (! server (list 'tick i)))
(define arrived (!? server 'count))
(display "one-way ") (display one-way) (display " ") (display (- (now) t0))
(display " ") (display arrived) (newline)

;; Round trip against message size: a string of n characters there and back.
(for-each
 (lambda (n)
   (let ((s (make-string n #\x)))
     (!? server (list 'echo s))
     (let ((times (let loop ((i 0) (acc '()))
                    (if (= i 20) acc
                        (let ((t0 (now)))
                          (!? server (list 'echo s))
                          (loop (+ i 1) (cons (- (now) t0) acc)))))))
       (display "size ") (display n)
       (for-each (lambda (t) (display " ") (display t)) times) (newline))))
 '(100 10000 100000 1000000))

;; A continuation 1,000 frames deep, sent and acknowledged.
(define (deep n k)
  (if (= n 0)
      (call/cc (lambda (c) (k c)))
      (+ 1 (deep (- n 1) k))))
(define captured #f)
(let ((r (deep 1000 (lambda (c) (set! captured c) 0))))
  (if (procedure? captured)
      (let ((k captured))
        (set! captured 'sent)
        (!? server (list 'continuation k))
        (let ((times (let loop ((i 0) (acc '()))
                       (if (= i 20) acc
                           (let ((t0 (now)))
                             (!? server (list 'continuation k))
                             (loop (+ i 1) (cons (- (now) t0) acc)))))))
          (display "continuation")
          (for-each (lambda (t) (display " ") (display t)) times) (newline)))))
(exit 0)
