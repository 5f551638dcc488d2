package io.kubelab.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckKindTest {
    private final CheckKind command = CheckRegistry.standard(Map.of()).find("command").orElseThrow();

    /** A parameter written with no value (`match:`) is a problem at that parameter, not a crash on the way to one. */
    @Test
    void aParameterWithNoValueIsOfTheWrongShape() {
        Map<String, Object> params = new HashMap<>();
        params.put("command", "true");
        params.put("match", null);
        List<ParamProblem> problems = command.problems(params);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("match", problems.get(0).param());
        assertEquals(ParamProblem.Reason.WRONG_TYPE, problems.get(0).reason());
        assertEquals("parameter 'match' of check 'command' must be string: a regular expression the output must contain",
                problems.get(0).message());
    }
}
