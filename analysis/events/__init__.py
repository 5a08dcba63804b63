"""Events: which articles report the same news event, grouped into story clusters.

* ``profile`` — what one article says about its event, read from it alone (names, wording, numbers);
* ``evidence`` — the same-event probability of every two articles, from their profiles;
* ``groups`` — average-linkage story clusters, independent of input order;
* ``offices`` — office holders ("Germany's chancellor Olaf Scholz"), whose conflicts are evidence of
  different events;
* ``explain`` — labels, evidence and notes in an editor's words;
* ``stage`` — the glue: groups, the compared group, one ``EventMatch`` per article.
"""
