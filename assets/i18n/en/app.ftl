# Overhead — English.
# Messages for the window's frame: top bar, menus, settings, status bar, dialogs, notifications, map.
# Keys are shared by every language (a test checks); see README.md "Adding a language".

