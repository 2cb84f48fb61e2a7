;; A string workload: words made from a pseudo-random sequence, joined through a string port,
;; enciphered with string-map, run-length encoded and decoded, searched and split again.
;; The result checks that every transformation undoes to the original text.

;; A multiplicative congruential generator whose products stay below 2^53 (fixnums throughout).
(define seed 12345)
(define (next-random! limit)
  (set! seed (modulo (* seed 48271) 2147483647))
  (modulo (quotient seed 256) limit))

(define consonants "bcdfghklmnprstvz")
(define vowels "aeiou")

;; Words alternate consonants and vowels; a doubled letter now and then gives the
;; run-length coder something to do.
(define (random-word)
  (let ((out (open-output-string))
        (syllables (+ 1 (next-random! 4))))
    (do ((i 0 (+ i 1))) ((= i syllables))
      (let ((c (string-ref consonants (next-random! (string-length consonants)))))
        (write-char c out)
        (when (= 0 (next-random! 5)) (write-char c out)))
      (write-char (string-ref vowels (next-random! (string-length vowels))) out))
    (get-output-string out)))

(define (make-text word-count)
  (let ((out (open-output-string)))
    (do ((i 0 (+ i 1))) ((= i word-count))
      (unless (= i 0) (write-char #\space out))
      (let ((w (random-word)))
        (write-string (if (= 0 (modulo i 7)) (string-upcase w) w) out)))
    (get-output-string out)))

(define (rotate-letter c shift)
  (cond ((char-lower-case? c)
         (integer->char (+ 97 (modulo (+ (- (char->integer c) 97) shift) 26))))
        ((char-upper-case? c)
         (integer->char (+ 65 (modulo (+ (- (char->integer c) 65) shift) 26))))
        (else c)))

(define (encipher text shift) (string-map (lambda (c) (rotate-letter c shift)) text))

;; "aaab" -> "3a1b": a count before each run of one character.
(define (run-length-encode text)
  (let ((out (open-output-string))
        (n (string-length text)))
    (let loop ((i 0))
      (if (< i n)
          (let ((c (string-ref text i)))
            (let run ((j (+ i 1)))
              (if (and (< j n) (char=? (string-ref text j) c))
                  (run (+ j 1))
                  (begin
                    (write-string (number->string (- j i)) out)
                    (write-char c out)
                    (loop j)))))))
    (get-output-string out)))

(define (run-length-decode code)
  (let ((in (open-input-string code))
        (out (open-output-string)))
    (let loop ((count 0))
      (let ((c (read-char in)))
        (cond ((eof-object? c) (get-output-string out))
              ((char-numeric? c) (loop (+ (* count 10) (digit-value c))))
              (else
               (write-string (make-string count c) out)
               (loop 0)))))))

(define (split-words text)
  (let loop ((chars (string->list text)) (word '()) (words '()))
    (define (finish) (if (null? word) words (cons (list->string (reverse word)) words)))
    (cond ((null? chars) (reverse (finish)))
          ((char=? (car chars) #\space) (loop (cdr chars) '() (finish)))
          (else (loop (cdr chars) (cons (car chars) word) words)))))

(define (count-occurrences text pattern)
  (let ((n (string-length text)) (m (string-length pattern)))
    (let loop ((i 0) (found 0))
      (if (> (+ i m) n)
          found
          (loop (+ i 1) (if (string=? (substring text i (+ i m)) pattern) (+ found 1) found))))))

(define (longest words)
  (fold (lambda (w best) (if (> (string-length w) (string-length best)) w best)) "" words))

(define (workload word-count)
  (set! seed 12345)
  (let* ((text (make-text word-count))
         (secret (encipher text 13))
         (packed (run-length-encode secret))
         (unpacked (run-length-decode packed))
         (plain (encipher unpacked 13))
         (words (split-words plain)))
    (unless (string=? plain text) (error "round trip changed the text"))
    (list (length words)
          (string-length text)
          (string-length packed)
          (count-occurrences (string-downcase text) "ba")
          (string-downcase (longest words)))))

(workload 3000)
