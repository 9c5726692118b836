"""Presentation shared by the command line and the window: what a result says, in words.

Services return data; the sentences a person reads are made here (from the message
catalogue), once, for both doors. Nothing here reads or writes the database.
"""
