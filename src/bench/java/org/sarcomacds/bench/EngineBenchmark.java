package org.sarcomacds.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine without HTTP: request JSON → record → facts → rules → cards → response JSON, against the parse floor
 * (Jackson reading the same body into a tree and writing it back out).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EngineBenchmark {

    @Param({"realistic", "small"})
    public String patient;

    private InProcessPipeline pipeline;
    private final JsonMapper plain = JsonMapper.builder().build();
    private byte[] patientView;
    private byte[] orderSelect;

    @Setup(Level.Trial)
    public void setUp() {
        Chart chart = patient.equals("realistic") ? Chart.realistic() : Chart.small();
        patientView = HookRequests.bytes(HookRequests.patientView(chart, true));
        orderSelect = HookRequests.bytes(HookRequests.orderSelect(chart));
        pipeline = new InProcessPipeline();
        String answer = new String(pipeline.call("lms-patient-view", patientView));
        if (!answer.contains("LMS-TRABECTEDIN-NEXT-LINE")) {
            throw new IllegalStateException("the benchmark patient should get the trabectedin card: " + answer);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pipeline.close();
    }

    @Benchmark
    public byte[] patientView() {
        return pipeline.call("lms-patient-view", patientView);
    }

    @Benchmark
    public byte[] orderSelect() {
        return pipeline.call("lms-order-select", orderSelect);
    }

    /** The floor: reading the patient-view body into a JSON tree and writing it out again, nothing else. */
    @Benchmark
    public byte[] parseFloor() {
        JsonNode tree = plain.readTree(patientView);
        return plain.writeValueAsBytes(tree);
    }
}
