def count_words(text):
    """Returns a dict from each lower-case word in text to how often it appears."""
    # TODO: split the text into words and count them.
    return {}
