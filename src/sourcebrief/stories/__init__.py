"""Stories across outlets: articles grouped into stories as they arrive, copies and rewrites
linked to their originals, sources merged across articles, each claim's status from all of it,
the reporting chain, a dated timeline and a cited story briefing.

>>> from sourcebrief.stories import build_stories, story_to_dict
>>> stories = build_stories(pipeline.run(paths).briefings)  # doctest: +SKIP
"""

from sourcebrief.stories.build import StoryBuilder, build_stories
from sourcebrief.stories.model import Story
from sourcebrief.stories.serialize import story_to_dict
from sourcebrief.stories.settings import StorySettings

__all__ = ["Story", "StoryBuilder", "StorySettings", "build_stories", "story_to_dict"]
