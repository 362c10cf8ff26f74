"""A Faker provider, for test suites that already build their data with Faker or factory_boy.

    from faker import Faker
    from anp_synth.faker import AnpProvider

    fake = Faker()
    fake.add_provider(AnpProvider)
    Faker.seed(1234)
    fake.anp_article()          # a whole record, as anp-synth generates it

Reproducibility follows Faker's rules, not anp-synth's byte-for-byte guarantee: each call
draws a seed from the Faker instance's own random (``Faker.seed()``/``seed_instance()``
make a run repeatable), so the same Faker seed, Faker version and order of calls give the
same records, but a Faker upgrade or one extra call earlier may draw other seeds. What a
drawn seed turns into is still anp-synth's record for that seed, byte for byte; keep
``record["seed"]`` to rebuild it without Faker.
"""

from __future__ import annotations

from faker.providers import BaseProvider

from .argcheck import integer
from .generator import build, generate, identity
from .model import Article
from .rules import check_profile, reference, source_id

__all__ = ["FAKER_MAX_SEED", "AnpProvider"]

FAKER_MAX_SEED = 999_999
"""Faker draws seeds in ``[0, 999_999]``, so references and source ids have the six digits of
the site's own (``anp-ref-019503-6154``); anp-synth itself accepts seeds up to 2**48 - 1."""


class AnpProvider(BaseProvider):
    """``fake.anp_article()`` and friends, drawing from the Faker instance's random."""

    def anp_seed(self) -> int:
        """A seed in ``[0, FAKER_MAX_SEED]``."""
        return int(self.generator.random.randint(0, FAKER_MAX_SEED))

    def anp_article(self, profile: str = "realistic") -> Article:
        """One whole record (title, body, post-meta) for a drawn seed."""
        check_profile(profile)
        return build(self.anp_seed(), profile)[0]

    def anp_articles(self, count: int = 3, profile: str = "realistic") -> list[Article]:
        """``count`` records of consecutive seeds from a drawn start: a small data set."""
        check_profile(profile)
        integer("count", count, 0)
        if count == 0:
            return []
        start = self.generator.random.randint(0, FAKER_MAX_SEED)
        return list(generate(seed=int(start), count=count, profile=profile))

    def anp_title(self, profile: str = "realistic") -> str:
        """An article title, without building the rest of the record (cheap)."""
        check_profile(profile)
        return identity(self.anp_seed(), profile).title

    def anp_topic(self) -> str:
        """``problem / stack``, as in the post-meta box."""
        ident = identity(self.anp_seed(), "realistic")
        return f"{ident.problem} / {ident.stack.name}"

    def anp_reference(self, profile: str = "realistic") -> str:
        """A reference such as ``anp-ref-019503-6154``, recomputable by anp-synth's rule."""
        check_profile(profile)
        return reference(self.anp_seed(), profile)

    def anp_source_id(self) -> str:
        """A payload source id such as ``alphanode-019503``."""
        return source_id(self.anp_seed())
