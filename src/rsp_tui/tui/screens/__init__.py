"""Provides the app's screens: the start screen and the report editor."""
