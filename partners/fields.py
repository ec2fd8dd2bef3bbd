"""A column derived from another field of the same row, kept up to date on every write."""

from django.db import models

from . import folding


class FoldedField(models.CharField):
    """`source`'s value passed through `folding.<function>`, set whenever the row is written.

    Computed in `pre_save`, which Django calls on `save()` and on `bulk_create()` alike
    (the benchmark creates thousands of partners in bulk), so the column cannot go stale.
    Not editable: editors never see it; revisions and translations carry it along and it is
    computed again when they are published.
    """

    def __init__(self, *args, source, function, **kwargs):
        self.source = source
        self.function = function
        kwargs.setdefault("editable", False)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["source"] = self.source
        kwargs["function"] = self.function
        for key, value in (("editable", False), ("blank", True), ("default", "")):
            if kwargs.get(key, not value) == value:
                kwargs.pop(key, None)
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        value = getattr(folding, self.function)(getattr(model_instance, self.source))
        setattr(model_instance, self.attname, value)
        return value
