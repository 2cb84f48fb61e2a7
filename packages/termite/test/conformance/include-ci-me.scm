;; Included by 4.1-primitive-expressions.scm with include-ci: identifiers are folded to lower case.
(DEFINE INCLUDED-CI-VALUE 'HELLO)
