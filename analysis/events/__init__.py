"""Events: do the articles report the same news event?  (Runs after a first alignment pass.)

* ``same_event`` — each article's event score and evidence;
* ``offices`` — office holders named by each article ("Germany's chancellor Olaf Scholz"), whose
  conflicts between articles are evidence of different events.
"""
