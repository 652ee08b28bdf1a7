"""Sign-in mutations stand alone: an operation that registers, signs in, refreshes, signs out or changes a password
holds no other root field (A4). Beside another field, a sign-in would share the operation's fate: a field that fails
would roll back the record of a wrong guess with it, and a cookie could leave with an answer that was undone. The
document is refused at validation, before anything runs, with a message that says so."""

from __future__ import annotations

from typing import Any

from graphql import FieldNode, GraphQLError, OperationDefinitionNode, ValidationRule
from graphql.language import FragmentSpreadNode, InlineFragmentNode, SelectionSetNode

from resolvers.identity.auth import AUTH_MUTATIONS

MESSAGE = (
    "register, login, refreshSession, logout and changePassword must be alone in their operation: "
    "send other fields in an operation of their own"
)


class AuthMutationsAlone(ValidationRule):
    """Refuses a mutation operation whose root fields mix a sign-in mutation with any other field."""

    def enter_operation_definition(self, node: OperationDefinitionNode, *args: Any) -> None:
        if node.operation.value != "mutation":
            return
        names = set(self._root_fields(node.selection_set, set()))
        names.discard("__typename")
        if names & AUTH_MUTATIONS and names - AUTH_MUTATIONS:
            self.report_error(GraphQLError(MESSAGE, node))

    def _root_fields(self, selections: SelectionSetNode, seen: set[str]) -> list[str]:
        found: list[str] = []
        for selection in selections.selections:
            if isinstance(selection, FieldNode):
                found.append(selection.name.value)
            elif isinstance(selection, InlineFragmentNode):
                found.extend(self._root_fields(selection.selection_set, seen))
            elif isinstance(selection, FragmentSpreadNode) and selection.name.value not in seen:
                seen.add(selection.name.value)
                fragment = self.context.get_fragment(selection.name.value)
                if fragment is not None:
                    found.extend(self._root_fields(fragment.selection_set, seen))
        return found
