"""The GPU benchmark's CPU run (the README's figures come from the lent GPU machine, by hand):
benchmarks/gpu_jax.py on JAX with a tiny batch, where TensorFlow cannot be imported, as on
that machine. VGG16 stands for its three networks: the same loop, and XLA compiles its
train step in seconds on a CPU (DenseNet-121's four took three minutes on 2 busy cores)."""

import json
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTS = os.path.join(ROOT, "tests")
RUN_WITHOUT_TENSORFLOW = """
import runpy, sys
sys.path.insert(0, {tests!r})
import no_tensorflow
sys.argv = {argv!r}
runpy.run_path(sys.argv[0], run_name="__main__")
assert not no_tensorflow.imported()
"""


@pytest.mark.slow
def test_gpu_jax_benchmark_runs_on_the_cpu_with_a_tiny_batch(tmp_path):
    out = tmp_path / "gpu_jax.json"
    argv = [os.path.join(ROOT, "benchmarks", "gpu_jax.py"), "--models", "vgg16", "vgg16", "--input-size", "32",
            "--batch-size", "2", "--steps", "1", "--rounds", "1", "--out", str(out)]
    env = {**os.environ, "KERAS_BACKEND": "jax", "JAX_PLATFORMS": "cpu",  # faster CPU compiles, on one thread:
           "XLA_FLAGS": "--xla_backend_optimization_level=0 --xla_cpu_multi_thread_eigen=false "  # it checks the
                        "intra_op_parallelism_threads=1"}  # loop, not speed, beside another test
    done = subprocess.run([sys.executable, "-c", RUN_WITHOUT_TENSORFLOW.format(tests=TESTS, argv=argv)], env=env,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-4000:]
    results = json.loads(out.read_text())
    assert results["backend"] == "jax" and results["dtype_policy"] == "mixed_bfloat16"
    assert results["machine"].startswith("cpu: ")
    assert len(results["runs"]) == 2
    for run in results["runs"]:  # the second too: clear_session between models resets the policy
        assert run["model"] == "vgg16" and run["input_shape"] == [32, 32, 3] and run["batch_size"] == 2
        assert run["dtype_policy"] == "mixed_bfloat16"
        assert set(run["images_per_second"]) == {"keras.applications", "sequential", "functional", "subclassed"}
        assert all(value > 0 for value in run["images_per_second"].values())
        assert run["ratio_to_keras_applications"]["keras.applications"] == 1.0
    assert "vgg16 (32, 32, 3), batch 2, mixed_bfloat16" in done.stdout


def test_gpu_jax_refuses_another_backend(tmp_path):
    done = subprocess.run([sys.executable, os.path.join(ROOT, "benchmarks", "gpu_jax.py"), "--out",
                           str(tmp_path / "x.json")], env={**os.environ, "KERAS_BACKEND": "tensorflow"},
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 2 and "KERAS_BACKEND must be 'jax' for this benchmark, got 'tensorflow'" in done.stderr
