# Overhead — Korean.
# Messages for the command line's human output (tables, messages, --help is not translated).
# Keys are shared by every language (a test checks); see README.md "Adding a language".

