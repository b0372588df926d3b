# Overhead — Korean.
# Messages for report/ words (plain_description, alerts, brightness, compass points, fist scale), timefmt dates, the handout, ICS event text.
# Keys are shared by every language (a test checks); see README.md "Adding a language".

