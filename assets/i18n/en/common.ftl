# Overhead — English (the source language).
# Messages shared across the window and the command line.
# Keys are shared by every language (a test checks); see README.md "Adding a language".

# The language's own name, in the language menu.
language-name = English
# Used by the translation system's own tests.
test-greeting = Hello, { $name }!
