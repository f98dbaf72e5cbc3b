"""The shell: main window, navigation, status bar and global actions; no feature logic."""
