"""Coverage: which outlet carries which fact — omissions (a fact most carry and one leaves out) and
exclusives (a fact only one carries).  Runs on the aligned facts of the articles of one event.
"""
