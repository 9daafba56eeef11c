import pytest
from django.contrib.auth.models import Group

from roles.groups import TRAINERS

PASSWORD = "a-long-trainer-password"


@pytest.fixture
def trainer(django_user_model):
    user = django_user_model.objects.create_user(
        "trainer-test", "trainer@example.org", PASSWORD, first_name="Tess", last_name="Trainer"
    )
    user.groups.add(Group.objects.get_or_create(name=TRAINERS)[0])
    return user
