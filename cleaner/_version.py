__version__ = "0.1.0"
#: the name on the package index (``cleaner`` there is an unrelated package); the
#: import name and the command stay ``cleaner``
DISTRIBUTION = "scrape-cleaner"
