# Overhead — Korean.
# Messages shared across the window and the command line.
# Keys are shared by every language (a test checks); see README.md "Adding a language".

language-name = 한국어
test-greeting = 안녕하세요, { $name }!
