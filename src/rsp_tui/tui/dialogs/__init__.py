"""Provides the modal dialogs (ModalScreen[T], each returning a typed result)."""
