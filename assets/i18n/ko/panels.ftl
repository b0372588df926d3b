# Overhead — Korean.
# Messages for the window's panels: passes table, sky chart, live panel, location, picker, clock bar.
# Keys are shared by every language (a test checks); see README.md "Adding a language".

